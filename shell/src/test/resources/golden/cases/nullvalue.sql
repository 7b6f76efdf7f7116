.nullvalue NULL
select * from texts;
.mode csv
select null, 1;
.mode box
select null as n;
.nullvalue
.nullvalue "a b" c
.show
