insert into empty values(1);
select 2;
