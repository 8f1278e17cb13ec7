// Package pkg contains the public code of maroto.
package pkg
