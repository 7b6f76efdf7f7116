create table e(v);
insert into e values ('a' || char(0) || 'b'), (char(1, 65, 7)), ('back\slash "dq"'), ('lit \n text' || char(10) || 'nl' || char(13)), (x'0041ff'), (-1e-300), (1e-320), (4.9e-324);
.mode line
select v from e; select 1 as x;
.mode json
select v from e;
.mode insert
select v from e;
.mode quote
select v from e;
.mode csv
select v from e;
.mode box
select v from e;
.mode column
select v from e;
.mode list
select v from e;
