#pragma once
// Given names and their common short forms: "Bill" is William, "Sasha" Aleksandr, "Bibi"
// Benjamin. The table is the project's own (English, Russian, German, Romance and Hebrew
// hypocorisms that lists and customers write), lower-case ASCII as the normaliser produces.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The names `name` is a short form of, and the short forms of `name`; empty when it has none.
// ("ted" → edward, theodore; "william" → bill, billy, will, willy, liam.)
const std::vector<std::string>& nickname_relatives(std::string_view name);

}  // namespace clearance
