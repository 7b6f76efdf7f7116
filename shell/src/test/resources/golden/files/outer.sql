select 10;

select * from nope_outer;
.read $DIR/inner.sql
select 11;
