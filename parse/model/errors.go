package model

// ParseError locates a problem in an input file.
type ParseError struct {
	File string // path as given by the user
	Line int    // 1-based line, 0 when the problem concerns the whole file
	Err  error
}

func (e *ParseError) Error() string {
	return position(e.File, e.Line) + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }
