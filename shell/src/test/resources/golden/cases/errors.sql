select 1;
select * from nope;
select 2;
select * form nums;


insert into texts values(1, 2);
select 3;
