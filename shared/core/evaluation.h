#pragma once
// The five-level 好差评 rating of a served ticket.

#include <string>
#include <string_view>
#include <vector>

namespace hall::core {

enum class RatingLevel {
    VeryDissatisfied = 1, // 非常不满意
    Dissatisfied = 2,     // 不满意
    Basic = 3,            // 基本满意
    Satisfied = 4,        // 满意
    VerySatisfied = 5,    // 非常满意
};

inline constexpr int kRatingLevels = 5;

std::string_view ratingLabelZh(RatingLevel level);
std::string_view ratingName(RatingLevel level); // very_satisfied … very_dissatisfied
bool isBadRating(RatingLevel level);            // the two lowest levels (差评)

} // namespace hall::core
