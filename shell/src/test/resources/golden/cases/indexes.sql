.indexes
.indexes nums
.indexes tags
.indexes texts
.indexes x y
