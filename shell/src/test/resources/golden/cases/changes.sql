.changes on
insert into empty values(1),(2);
select count(*) from empty;
update empty set x = x + 1;
delete from empty;
insert into nope values(1);
.changes off
insert into empty values(3);
.changes
