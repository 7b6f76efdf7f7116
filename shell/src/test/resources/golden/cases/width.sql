.mode column
.width 5 -8 0 3
select * from nums;
.show
.mode table
select * from nums;
.width
select id, label from nums order by id;
.show
