.output a b
select 2;
