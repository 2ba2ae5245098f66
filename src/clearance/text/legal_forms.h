#pragma once
// Legal forms and organisation words as the lists and users write them, in many languages, folded
// to one canonical token each. Written by the project after reading ISO 20275 (GLEIF ELF) and the
// legal-form tables of OpenSanctions' rigour; see legal_forms.cpp.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

// Rewrites tokens in place: multi-word forms ("limited liability company", "obshchestvo s
// ogranichennoy otvetstvennostyu") become one canonical token, abbreviations are expanded
// ("int'l" → international, "univ" → university) and each token gets its TokenClass.
void canonicalize_legal_forms(std::vector<NameToken>& tokens);

bool is_legal_form(std::string_view canonical);

// Whether a canonical token says what kind of organisation a name is rather than what it does or
// which one it is: a group, holding, enterprise, firm, partnership or unitary enterprise. Not a
// legal form (it is weighed as a word), but one side writing "Group" where the other writes "PMC"
// is no disagreement of names.
bool is_organisation_kind(std::string_view canonical);

// Whether a legal form's canonical token may close an acronym after `letters_before` letters: a
// company's or a corporation's, in an acronym of three letters or more (Private Military
// Company: PMC; China National Petroleum Corporation: CNPC). Other forms, mostly written
// abbreviated (S.A., Oy, Ltd), spell codes ("Green Aviation S.A." is no "GAS"), as do two letters.
// The scorer, the index's initials and the screener's query spans all ask this.
bool closes_acronym(std::string_view legal_form, size_t letters_before);

}  // namespace clearance
