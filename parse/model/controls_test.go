package model

import (
	"reflect"
	"strings"
	"testing"
)

// fillStrings sets every settable string reachable from v to s, giving
// every slice one element and every map of strings one entry first.
func fillStrings(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() && v.CanSet() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if !v.IsNil() {
			fillStrings(v.Elem(), s)
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fillStrings(v.Field(i), s)
		}
	case reflect.Slice:
		if v.Len() == 0 && v.CanSet() {
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		}
		for i := range v.Len() {
			fillStrings(v.Index(i), s)
		}
	case reflect.Map:
		if v.Type().Elem().Kind() == reflect.String && v.CanSet() {
			m := reflect.MakeMap(v.Type())
			m.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(s))
			v.Set(m)
		}
	}
}

// dirtyStrings lists the paths of the strings reachable from v that still
// hold a control character.
func dirtyStrings(v reflect.Value, path string, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			dirtyStrings(v.Elem(), path, out)
		}
	case reflect.String:
		if strings.IndexFunc(v.String(), isControl) >= 0 {
			*out = append(*out, path)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			dirtyStrings(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			dirtyStrings(v.Index(i), path+"[]", out)
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			dirtyStrings(it.Value(), path+"[k]", out)
		}
	}
}

// TestCleanRecordReachesEveryString fills every string a Record can hold
// (found by reflection, so a field added later is included) with control
// characters: cleanRecord must leave none, and the text around them.
func TestCleanRecordReachesEveryString(t *testing.T) {
	var r Record
	fillStrings(reflect.ValueOf(&r), "a\x1bb\u0085c\x7f")
	cleanRecord(&r)
	var dirty []string
	dirtyStrings(reflect.ValueOf(&r), "Record", &dirty)
	if len(dirty) > 0 {
		t.Errorf("control characters left in %s", strings.Join(dirty, ", "))
	}
	if r.Title != "abc" || r.References[0].Authors[0].Given != "abc" || r.IDs["k"] != "abc" {
		t.Errorf("cleaned to %q, %q, %q; want abc", r.Title, r.References[0].Authors[0].Given, r.IDs["k"])
	}
}
