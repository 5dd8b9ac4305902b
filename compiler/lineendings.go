package compiler

import (
	"bytes"
	"unicode/utf8"

	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/token"
)

// normalizeLineEndings turns the CR LF and lone CR line breaks of a YAML
// profile, which YAML reads as line breaks, into LF, which CUE's YAML
// decoder expects (it indexes lines by LF only, and a CR-only file made it
// panic); lines and columns stay the same. NEL (U+0085) and the Unicode line
// and paragraph separators are breaks in YAML 1.1 but not in 1.2, so a file
// holding one means different things to different readers: it is refused at
// its position.
func normalizeLineEndings(name string, data []byte) ([]byte, error) {
	if pos, r, found := ambiguousBreak(data); found {
		return nil, cueerrors.Newf(positionAt(name, data, pos),
			"character U+%04X is a line break to some YAML readers and not to others: use a plain line feed (\\n)", r)
	}
	if !bytes.Contains(data, []byte{'\r'}) {
		return data, nil
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n")), nil
}

// ambiguousBreak finds the first NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR.
func ambiguousBreak(data []byte) (offset int, r rune, found bool) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == '\u0085' || r == '\u2028' || r == '\u2029' {
			return i, r, true
		}
		i += size
	}
	return 0, 0, false
}

// positionAt is the position of byte offset in data, counting lines by LF
// and CR as YAML does.
func positionAt(name string, data []byte, offset int) token.Pos {
	f := token.NewFile(name, -1, len(data))
	for i := 0; i < offset; i++ {
		if data[i] == '\n' || (data[i] == '\r' && (i+1 >= len(data) || data[i+1] != '\n')) {
			f.AddLine(i + 1)
		}
	}
	return f.Pos(offset, token.NoRelPos)
}
