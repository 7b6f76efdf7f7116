select 1;
.once a b
select 2;
