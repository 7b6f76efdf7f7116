.once $DIR/out.txt
select 1; select 2;
select 3;
.once
select 4;
