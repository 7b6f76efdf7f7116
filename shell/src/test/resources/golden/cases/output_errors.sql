.output $DIR/out.txt
select 1;
.output stdout
select 2;
.output /nonexistent/dir/x.txt
select 3;
