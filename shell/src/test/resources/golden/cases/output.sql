.output $DIR/out.txt
select 1;
.mode
.output
select 2;
