.mode column --wrap 10 --ww
.headers on
select * from texts;
select 'aaaaaaaaaa bbbbbbbbbb cccccccccc dddd' as long, 1 as one;
.mode
.mode table --wrap 6
select 'the quick brown fox jumps' as fox, 'x';
.mode box --quote
select * from tags;
