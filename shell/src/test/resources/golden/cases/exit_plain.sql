select 1;
.exit
select 2;
