select 1;
.exit 3
select 2;
