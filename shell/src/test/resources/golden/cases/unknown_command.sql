.frobnicate
.x y z
.
select 1;
