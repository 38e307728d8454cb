package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// chatInputName is Discord's rule for the names of slash commands and
// their options. Letters must also be lowercase where they have a case.
var chatInputName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// commandSpec is the part of an application command the fake validates.
type commandSpec struct {
	Name        string       `json:"name"`
	Type        int          `json:"type"`
	Description string       `json:"description"`
	Options     []optionSpec `json:"options"`
}

type optionSpec struct {
	Name        string       `json:"name"`
	Description string       `json:"description"`
	Options     []optionSpec `json:"options"`
}

// overwriteCommands answers the bulk overwrite of global or guild commands:
// it validates them as Discord does and answers them with ids, keeping the
// id of a command that keeps its name and type.
func (s *Server) overwriteCommands(w http.ResponseWriter, r *http.Request, req *Request) {
	if r.PathValue("application_id") != s.opts.ApplicationID {
		writeError(w, &apiError{status: http.StatusForbidden, Code: codeMissingAccess, Message: "Missing Access"})
		return
	}
	var cmds []map[string]json.RawMessage
	if !decodeBody(w, req, &cmds) {
		return
	}
	if len(cmds) > maxCommands {
		writeError(w, formError("_root", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxCommands)))
		return
	}
	specs := make([]commandSpec, len(cmds))
	seen := make(map[string]bool)
	for i, cmd := range cmds {
		if err := json.Unmarshal(mustMarshal(cmd), &specs[i]); err != nil {
			writeError(w, &apiError{status: http.StatusBadRequest, Code: codeInvalidFormBody, Message: "Invalid Form Body: " + err.Error()})
			return
		}
		if specs[i].Type == 0 {
			specs[i].Type = 1 // chat input
		}
		if apiErr := validateCommand(strconv.Itoa(i), specs[i]); apiErr != nil {
			writeError(w, apiErr)
			return
		}
		key := commandKey("", specs[i])
		if seen[key] {
			writeError(w, formError(strconv.Itoa(i)+".name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique"))
			return
		}
		seen[key] = true
	}

	guildID := r.PathValue("guild_id")
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]json.RawMessage, len(cmds))
	for i, cmd := range cmds {
		key := commandKey(guildID, specs[i])
		id, ok := s.commandIDs[key]
		if !ok {
			id = s.newIDLocked()
			s.commandIDs[key] = id
		}
		cmd["id"] = mustMarshal(id)
		cmd["application_id"] = mustMarshal(s.opts.ApplicationID)
		cmd["version"] = mustMarshal(s.newIDLocked())
		cmd["type"] = mustMarshal(specs[i].Type)
		cmd["description"] = mustMarshal(specs[i].Description)
		if guildID != "" {
			cmd["guild_id"] = mustMarshal(guildID)
		}
		for field, zero := range map[string]string{"default_member_permissions": "null", "nsfw": "false"} {
			if _, ok := cmd[field]; !ok {
				cmd[field] = json.RawMessage(zero)
			}
		}
		out[i] = mustMarshal(cmd)
	}
	s.commands[guildID] = out
	writeJSON(w, http.StatusOK, out)
}

// getCommands answers the commands of the last overwrite.
func (s *Server) getCommands(w http.ResponseWriter, r *http.Request, _ *Request) {
	if r.PathValue("application_id") != s.opts.ApplicationID {
		writeError(w, &apiError{status: http.StatusForbidden, Code: codeMissingAccess, Message: "Missing Access"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	writeJSON(w, http.StatusOK, orEmpty(s.commands[r.PathValue("guild_id")]))
}

// commandKey identifies a command across overwrites: names are unique per
// scope and type.
func commandKey(guildID string, c commandSpec) string {
	return guildID + "/" + strconv.Itoa(c.Type) + "/" + c.Name
}

// validateCommand checks the command at path as Discord does: slash
// commands and their options need lowercase names and a description of 1
// to 100 characters; user and message commands need a name of 1 to 32
// characters and no description.
func validateCommand(path string, c commandSpec) *apiError {
	if c.Type != 1 {
		if n := utf8.RuneCountInString(c.Name); n < 1 || n > 32 {
			return formError(path+".name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.")
		}
		if c.Description != "" {
			return formError(path+".description", "APPLICATION_COMMAND_DESCRIPTION_INVALID", "Context menu commands cannot have a description")
		}
		return nil
	}
	return validateChatInput(path, c.Name, c.Description, c.Options)
}

func validateChatInput(path, name, description string, options []optionSpec) *apiError {
	if !chatInputName.MatchString(name) || strings.ToLower(name) != name {
		return formError(path+".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
	}
	if n := utf8.RuneCountInString(description); n < 1 || n > 100 {
		return formError(path+".description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
	}
	if len(options) > maxCommandOptions {
		return formError(path+".options", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxCommandOptions))
	}
	for i, o := range options {
		if apiErr := validateChatInput(path+".options."+strconv.Itoa(i), o.Name, o.Description, o.Options); apiErr != nil {
			return apiErr
		}
	}
	return nil
}
