// Package props contain the public properties of maroto.
package props
