// Package seeds holds the articles that ship inside the articlebot binary:
// every *.txt file of this folder, in the seeds format (title on the first
// line, one paragraph a line). They are what articlebot answers about when
// it is given no --seeds folder.
package seeds

import "embed"

// FS holds the embedded articles at its root.
//
//go:embed *.txt
var FS embed.FS
