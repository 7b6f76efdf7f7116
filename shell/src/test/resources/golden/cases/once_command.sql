.once $DIR/out.txt
.tables
select 5;
