#pragma once
// Numbers written as words or ordinals become digits, so "First International Bank" = "1st
// International Bank" and "Brigade Forty-Four" = "Brigade 44".
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

void normalize_numbers(std::vector<NameToken>& tokens);

}  // namespace clearance
