module example.com/articles

go 1.22
