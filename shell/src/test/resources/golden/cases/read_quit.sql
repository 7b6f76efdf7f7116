.read $DIR/quits.sql
select 9;
