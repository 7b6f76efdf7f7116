# a comment line
select 1;
   
select 'a;b';
select 2 -- trailing;
, 3;
select 4