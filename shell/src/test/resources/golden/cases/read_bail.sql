.bail on
.read $DIR/outer.sql
select 9;
