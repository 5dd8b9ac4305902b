package main

import (
	"regexp"
	"strings"
)

// Helpers shared by the Markdown-based parsers (Hive, Trino).

var (
	reMDLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	reMDEmphasis = regexp.MustCompile("[*`]+")
)

// mdPlain strips links (keeping their text), emphasis and code marks, and
// collapses blanks.
func mdPlain(s string) string {
	s = reMDLink.ReplaceAllString(s, "$1")
	s = reMDEmphasis.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), " ")
}

// mdTable is a pipe table: its header cells and rows of cells.
type mdTable struct {
	Header []string
	Rows   [][]string
}

// col returns the index of the first header cell for which match is true,
// or -1.
func (t mdTable) col(match func(h string) bool) int {
	for i, h := range t.Header {
		if match(strings.ToLower(mdPlain(h))) {
			return i
		}
	}
	return -1
}

// cell returns row[i], or "" when i is out of range.
func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

// parsePipeTables reads the pipe tables of a Markdown document: a header
// row, a "| --- |" separator row, then rows until a line not starting with
// "|".
func parsePipeTables(src string) []mdTable {
	lines := strings.Split(src, "\n")
	var tables []mdTable
	for i := 0; i+1 < len(lines); i++ {
		if !isPipeRow(lines[i]) || !isPipeSeparator(lines[i+1]) {
			continue
		}
		t := mdTable{Header: pipeCells(lines[i])}
		j := i + 2
		for ; j < len(lines) && isPipeRow(lines[j]); j++ {
			t.Rows = append(t.Rows, pipeCells(lines[j]))
		}
		tables = append(tables, t)
		i = j - 1
	}
	return tables
}

// isPipeRow reports whether a line is a row of a pipe table.
func isPipeRow(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "|") }

// isPipeSeparator reports whether a line is the header separator.
func isPipeSeparator(l string) bool {
	l = strings.TrimSpace(l)
	return strings.HasPrefix(l, "|") && strings.Trim(l, "|-: ") == ""
}

// pipeCells splits a row into trimmed cells, honouring "\|" escapes.
func pipeCells(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
	l = strings.ReplaceAll(l, `\|`, "\x00")
	parts := strings.Split(l, "|")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(strings.ReplaceAll(p, "\x00", "|"))
	}
	return parts
}
