#include "clearance/text/nicknames.h"

#include "clearance/util/strings.h"
#include "clearance/util/text_map.h"

namespace clearance {
namespace {

// Each line: the formal spellings, '|', their short forms. A short form may belong to several
// formal names (ted: edward, theodore). Left out: short forms that are also common surnames or
// particles elsewhere in the lists ("al", "kim", "lee"), which would pair a given name with them.
constexpr std::string_view kTable[] = {
    "william|bill billy will willy liam",
    "robert|bob bobby rob robbie",
    "richard|dick rick ricky rich",
    "james|jim jimmy jamie",
    "john|jack johnny",
    "michael|mike mikey mick",
    "thomas|tom tommy",
    "anthony antony|tony",
    "theodore|ted teddy theo",
    "edward|ed eddie ted ned",
    "benjamin|ben benny bibi",
    "joseph|joe joey",
    "charles|charlie chuck",
    "christopher|chris",
    "daniel|dan danny",
    "david|dave davey",
    "stephen steven|steve",
    "matthew|matt",
    "nicholas|nick nicky",
    "alexander aleksandr alexandr|alex sasha sanya shura",
    "andrew|andy drew",
    "samuel|sam sammy",
    "patrick|pat paddy",
    "peter|pete",
    "timothy|tim",
    "gregory|greg",
    "jonathan|jon",
    "joshua|josh",
    "kenneth|ken kenny",
    "ronald|ron ronnie",
    "donald|don donnie",
    "douglas|doug",
    "gerald|jerry",
    "henry|harry hank",
    "lawrence|larry",
    "leonard|len lenny",
    "raymond|ray",
    "walter|walt",
    "frederick|fred freddie",
    "elizabeth|liz lizzie beth betty eliza",
    "margaret|maggie meg peggy",
    "katherine catherine|kate katie cathy kathy",
    "jennifer|jen jenny",
    "susan|sue susie",
    "patricia|patty trish",
    "deborah|deb debbie",
    "rebecca|becky",
    "victoria|vicky",
    "abigail|abby",
    "alexandra aleksandra|sasha",
    "jacqueline|jackie",
    "mikhail|misha",
    "vladimir|volodya vova",
    "nikolai nikolay|kolya",
    "dmitry dmitri dmitriy|dima",
    "ivan|vanya",
    "pavel|pasha",
    "sergei sergey|seryozha",
    "aleksei alexei alexey aleksey|alyosha lyosha",
    "yevgeny evgeny evgeniy|zhenya",
    "konstantin|kostya",
    "anatoly anatoliy|tolya",
    "viktor victor|vitya",
    "yuri yuriy|yura",
    "boris|borya",
    "vyacheslav|slava",
    "stanislav|stas",
    "yekaterina ekaterina|katya",
    "tatiana tatyana|tanya",
    "natalia natalya|natasha",
    "maria|masha",
    "anastasia|nastya",
    "yelena elena|lena",
    "svetlana|sveta",
    "lyudmila|lyuda",
    "irina|ira",
    "johann johannes|hans",
    "friedrich|fritz",
    "francisco|paco pancho",
    "jose|pepe",
    "giuseppe|beppe peppe",
    "giovanni|gianni",
};

using Relatives = TextMap<std::vector<std::string>>;

Relatives build() {
  Relatives out;
  auto relate = [&](const std::string& a, const std::string& b) {
    auto& list = out[a];
    for (const auto& x : list)
      if (x == b) return;
    list.push_back(b);
  };
  for (std::string_view line : kTable) {
    const size_t bar = line.find('|');
    const auto formal = split_trimmed(line.substr(0, bar), " ");
    const auto short_forms = split_trimmed(line.substr(bar + 1), " ");
    for (const auto& f : formal)
      for (const auto& s : short_forms) {
        relate(f, s);
        relate(s, f);
      }
  }
  return out;
}

}  // namespace

const std::vector<std::string>& nickname_relatives(std::string_view name) {
  static const Relatives table = build();
  static const std::vector<std::string> none;
  auto it = table.find(name);
  return it == table.end() ? none : it->second;
}

}  // namespace clearance
