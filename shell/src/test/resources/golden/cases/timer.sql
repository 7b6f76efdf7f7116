.timer on
select 1;
.timer off
select 2;
.timer
