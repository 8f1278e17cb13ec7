module github.com/johnfercher/maroto/v2

go 1.21.1

require (
	github.com/google/uuid v1.5.0
	github.com/johnfercher/go-tree v1.0.5
	github.com/phpdave11/gofpdf v1.4.3
	github.com/stretchr/testify v1.8.4
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/stretchr/objx v0.5.1 // indirect
)

// erpps patch: the copy's own tests run against eRPPS's gofpdf, as the
// application does (the root go.mod's replace is what counts for the build).
replace github.com/phpdave11/gofpdf => ../gofpdf
