module github.com/citegraph/citegraph

go 1.26.8
