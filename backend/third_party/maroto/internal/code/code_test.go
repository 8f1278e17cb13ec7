package code_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/johnfercher/maroto/v2/pkg/core/entity"

	"github.com/johnfercher/maroto/v2/internal/code"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/stretchr/testify/assert"
)

func TestNew(t *testing.T) {
	t.Run("constructor", func(t *testing.T) {
		// Act
		sut := code.New()

		// Assert
		assert.NotNil(t, sut)
		assert.Equal(t, "*code.code", fmt.Sprintf("%T", sut))
	})
	t.Run("singleton is applied", func(t *testing.T) {
		// Act
		sut1 := code.New()
		sut2 := code.New()

		// Assert
		assert.NotNil(t, sut1)
		assert.NotNil(t, sut2)
	})
}

// erpps patch: upstream's tests of the generated codes are replaced by this
// one: every kind of code returns ErrCodesUnavailable, never an image.
func TestCode_Unavailable(t *testing.T) {
	sut := code.New()
	prop := &props.Barcode{}
	prop.MakeValid()
	cell := &entity.Cell{X: 10, Y: 10, Width: 100, Height: 100}
	gens := map[string]func() (*entity.Image, error){
		"data matrix": func() (*entity.Image, error) { return sut.GenDataMatrix("code") },
		"qr code":     func() (*entity.Image, error) { return sut.GenQr("code") },
		"barcode":     func() (*entity.Image, error) { return sut.GenBar("code", cell, prop) },
	}
	for name, gen := range gens {
		t.Run(name, func(t *testing.T) {
			img, err := gen()
			assert.Nil(t, img)
			assert.True(t, errors.Is(err, code.ErrCodesUnavailable), "error %v", err)
		})
	}
}
