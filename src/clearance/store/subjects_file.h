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

}  // namespace clearance
