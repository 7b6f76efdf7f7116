.headers on
.mode list
select * from nums;
select * from texts;
select * from blobs;
select * from tags;
select * from empty;
select * from big_nums;
select 0.1+0.2 as sum, 1e308*10 as inf, -1e308*10 as ninf, 1.0/3 as third, 100.0, 1e15, 1e16, 12345678901234567890.0, 2e-5, -0.0 as negzero;
select 1 as "a""b", null as "", 'x' as q;
