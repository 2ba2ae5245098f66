#pragma once
// Subjects from a file: CSV with a header (id and name required; country, type, dob, identifier
// read; every other column kept as an attribute) or JSON Lines with the same keys.
#include <string>
#include <vector>

#include "clearance/store/case_store.h"

namespace clearance {

struct SubjectsFile {
  std::vector<Subject> subjects;
  // Rows that cannot be a subject: "FILE:LINE: field: reason". They are left out, the rest kept.
  std::vector<std::string> rejected;
};

Result<SubjectsFile> read_subjects_file(const std::string& path);

// Why a subject cannot be kept ("field: reason"), or empty: the checks a batch row of the same
// fields gets (batch_input.h, fill_query) — so that a row screening refuses is never monitored —
// and UTF-8 in every field and attribute.
std::string subject_problem(const Subject& subject);

}  // namespace clearance
