# The `route` decision of rules/route.coex, written as a Rego policy for the
# benchmark. Entry point: data.coex.route.result, which is either
#   {"lands": ..., "thread": ...}          for a possible input, or
#   {"impossible": "<because text>"}       for one an `impossible` constraint excludes.
package coex.route

import rego.v1

sfb_any := {"SfBOnly", "SfBWithTeamsCollab", "SfBWithTeamsCollabAndMeetings"}

# The three `impossible` constraints, in declaration order (the first that holds wins).
impossible := "users homed on-premises can't be TeamsOnly" if {
	input.sender_mode == "TeamsOnly"
	input.sender_homed == "OnPrem"
} else := "TeamsOnly users can't initiate chats or calls in Skype for Business" if {
	input.sender_mode == "TeamsOnly"
	input.sender_client == "SfB"
} else := "users in an SfB* mode can't start chats or calls in Teams" if {
	input.sender_mode in sfb_any
	input.sender_client == "Teams"
}

# "SfB*" in the tables' mode columns.
sender_class := "SfBAny" if input.sender_mode in sfb_any
else := input.sender_mode

recipient_class := "SfBAny" if input.recipient_mode in sfb_any
else := input.recipient_mode

# tables[scope][recipient_mode][sender_mode][sender_client][sender_homed] = [lands, thread]
# One leaf per row of tables 1a-1c (InTenant) and 2a-2c (Federated).
tables := {
	"InTenant": {
		# Table 1a
		"Islands": {
			"Islands": {
				"Teams": {"Online": ["Teams", "Native"], "OnPrem": ["Teams", "Native"]},
				"SfB": {"Online": ["SfB", "Native"], "OnPrem": ["SfB", "Native"]},
			},
			"SfBAny": {"SfB": {"Online": ["SfB", "Native"], "OnPrem": ["SfB", "Native"]}},
			"TeamsOnly": {"Teams": {"Online": ["Teams", "Native"]}},
		},
		# Table 1b
		"SfBAny": {
			"Islands": {
				"Teams": {"Online": ["SfB", "Interop"], "OnPrem": ["NotPossible", "None"]},
				"SfB": {"Online": ["SfB", "Native"], "OnPrem": ["SfB", "Native"]},
			},
			"SfBAny": {"SfB": {"Online": ["SfB", "Native"], "OnPrem": ["SfB", "Native"]}},
			"TeamsOnly": {"Teams": {"Online": ["SfB", "Interop"]}},
		},
		# Table 1c
		"TeamsOnly": {
			"Islands": {
				"Teams": {"Online": ["Teams", "Native"], "OnPrem": ["Teams", "Native"]},
				"SfB": {"Online": ["Teams", "Interop"], "OnPrem": ["Teams", "Interop"]},
			},
			"SfBAny": {"SfB": {"Online": ["Teams", "Interop"], "OnPrem": ["Teams", "Interop"]}},
			"TeamsOnly": {"Teams": {"Online": ["Teams", "Native"]}},
		},
	},
	"Federated": {
		# Table 2a
		"Islands": {
			"Islands": {
				"Teams": {"Online": ["SfB", "Interop"], "OnPrem": ["NotPossible", "None"]},
				"SfB": {"Online": ["SfB", "Native"], "OnPrem": ["SfB", "Native"]},
			},
			"SfBAny": {"SfB": {"Online": ["SfB", "Native"], "OnPrem": ["SfB", "Native"]}},
			"TeamsOnly": {"Teams": {"Online": ["SfB", "Interop"]}},
		},
		# Table 2b
		"SfBAny": {
			"Islands": {
				"Teams": {"Online": ["SfB", "Interop"], "OnPrem": ["NotPossible", "None"]},
				"SfB": {"Online": ["SfB", "Native"], "OnPrem": ["SfB", "Native"]},
			},
			"SfBAny": {"SfB": {"Online": ["SfB", "Native"], "OnPrem": ["SfB", "Native"]}},
			"TeamsOnly": {"Teams": {"Online": ["SfB", "Interop"]}},
		},
		# Table 2c
		"TeamsOnly": {
			"Islands": {
				"Teams": {"Online": ["Teams", "Interop"], "OnPrem": ["NotPossible", "None"]},
				"SfB": {"Online": ["Teams", "Interop"], "OnPrem": ["Teams", "Interop"]},
			},
			"SfBAny": {"SfB": {"Online": ["Teams", "Interop"], "OnPrem": ["Teams", "Interop"]}},
			"TeamsOnly": {"Teams": {"Online": ["Teams", "Native"]}},
		},
	},
}

result := {"impossible": impossible} if {
	impossible
} else := {"lands": row[0], "thread": row[1]} if {
	row := tables[input.scope][recipient_class][sender_class][input.sender_client][input.sender_homed]
}
