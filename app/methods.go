package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"erpps/backend/erpps"
)

// method is one exported method of *App, callable with JSON arguments: the
// same set Wails binds.
type method struct {
	app *App
	// fn is the method expression: its first argument is the receiver.
	fn   reflect.Value
	args []reflect.Type
	// returnsValue tells whether the method returns (value, error) rather
	// than (error).
	returnsValue bool
}

var errorType = reflect.TypeFor[error]()

// methodsOf lists the exported methods of a, keyed by name, as Wails binds
// them. A method whose signature the adapter cannot serve is an error at
// start-up, not at call time.
func methodsOf(a *App) (map[string]method, error) {
	v := reflect.ValueOf(a)
	t := v.Type()
	out := make(map[string]method, t.NumMethod())
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		ft := m.Type // includes the receiver
		var args []reflect.Type
		for j := 1; j < ft.NumIn(); j++ {
			args = append(args, ft.In(j))
		}
		nout := ft.NumOut()
		if nout == 0 || nout > 2 || ft.Out(nout-1) != errorType {
			return nil, fmt.Errorf("app: method %s must return (T, error) or error", m.Name)
		}
		out[m.Name] = method{app: a, fn: m.Func, args: args, returnsValue: nout == 2}
	}
	return out, nil
}

// call decodes body (a JSON array of the arguments) and calls the method on
// a shallow copy of the App whose context is ctx (the HTTP request's: a call
// whose client went away is canceled).
func (m method) call(ctx context.Context, body []byte) (any, error) {
	var raw []json.RawMessage
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		body = []byte("[]")
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, erpps.Errorf(erpps.EINVALID, "Requête mal formée : un tableau JSON d'arguments est attendu.")
	}
	if len(raw) != len(m.args) {
		return nil, erpps.Errorf(erpps.EINVALID, "Requête mal formée : %d argument(s) attendu(s), %d reçu(s).", len(m.args), len(raw))
	}
	recv := *m.app
	recv.ctx = ctx
	in := make([]reflect.Value, 1+len(m.args))
	in[0] = reflect.ValueOf(&recv)
	for i, t := range m.args {
		p := reflect.New(t)
		if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
			return nil, erpps.Errorf(erpps.EINVALID, "Requête mal formée : l'argument %d n'a pas le type attendu.", i+1)
		}
		in[i+1] = p.Elem()
	}
	out := m.fn.Call(in)
	errV := out[len(out)-1]
	if !errV.IsNil() {
		return nil, errV.Interface().(error)
	}
	if !m.returnsValue {
		return nil, nil
	}
	return out[0].Interface(), nil
}
