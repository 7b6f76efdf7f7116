.headers on
select 1 as a;
.headers off
select 1 as a;
.headers yes
select 2 as b;
.headers 0
select 3;
.headers maybe
select 4 as c;
.headers
.headers on off
