package compiler

import (
	"bytes"
	"unicode/utf8"

	"cuelang.org/go/cue/ast"
	cueerrors "cuelang.org/go/cue/errors"
)

// utf8BOM is the byte-order mark some editors put at the start of a file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// profileText returns the text of a profile file without a UTF-8 byte-order
// mark, which YAML allows and JSON and CUE readers trip on; a file that is
// not UTF-8 is refused at the first offending byte.
func profileText(src Source) ([]byte, error) {
	data := bytes.TrimPrefix(src.Data, utf8BOM)
	if utf8.Valid(data) {
		return data, nil
	}
	offset := invalidUTF8Offset(data)
	return nil, cueerrors.Newf(positionAt(src.Name, data, offset),
		"byte 0x%02X at offset %d is not UTF-8: a profile is UTF-8 text (UTF-16 and Latin-1 files must be converted)",
		data[offset], offset+len(src.Data)-len(data))
}

// invalidUTF8Offset is the offset of the first byte that starts no valid
// UTF-8 sequence.
func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// refuseDuplicateKeys reports a key written twice in one YAML or JSON
// mapping, which their decoders would silently merge (or, for different
// values, report as a conflict between layers).
func refuseDuplicateKeys(decls []ast.Decl) error {
	var errs cueerrors.Error
	ast.Walk(&ast.StructLit{Elts: decls}, func(n ast.Node) bool {
		if s, ok := n.(*ast.StructLit); ok {
			errs = cueerrors.Append(errs, duplicateFields(s.Elts))
		}
		return true
	}, nil)
	return errs
}

// duplicateFields reports the fields of one struct whose label repeats an
// earlier one.
func duplicateFields(elts []ast.Decl) cueerrors.Error {
	var errs cueerrors.Error
	first := map[string]*ast.Field{}
	for _, d := range elts {
		f, ok := d.(*ast.Field)
		if !ok {
			continue
		}
		name, _, err := ast.LabelName(f.Label)
		if err != nil {
			continue
		}
		if prev, seen := first[name]; seen {
			errs = cueerrors.Append(errs, cueerrors.Newf(f.Label.Pos(),
				"duplicate key %q: it is already set at line %d, column %d of this file", name, prev.Label.Pos().Line(), prev.Label.Pos().Column()))
			continue
		}
		first[name] = f
	}
	return errs
}
