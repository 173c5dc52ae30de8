// Package model holds what every reader of package parse produces: the
// Record of a work with its References and Authors, the ParseError that
// locates a problem in an input, the Sink readers send them to, and the
// small text helpers for DOIs, years, white space and personal names that
// all readers share.
//
// It is a leaf package so that readers living in parse's subpackages
// (freetext, landing, html) can use these types without importing parse;
// parse re-exports them under the same names.
package model
