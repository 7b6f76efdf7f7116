.echo on
select 1;  select 2;
-- a comment

select
  3;
.mode csv
select 4;
.echo off
select 5;
