select 20;
select * from nope_inner;
