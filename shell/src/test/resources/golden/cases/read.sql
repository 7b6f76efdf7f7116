.read $DIR/outer.sql
select 9;
.read $DIR/nofile.sql
.read
