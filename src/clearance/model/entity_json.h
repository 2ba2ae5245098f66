#pragma once
// The whole entity record as JSON (`GET /v1/entities/{id}`): every field the source carried, empty
// ones left out.
#include <nlohmann/json.hpp>

#include "clearance/model/entity.h"

namespace clearance {

nlohmann::ordered_json entity_to_json(const Entity& entity);

}  // namespace clearance
