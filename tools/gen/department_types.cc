#include "tools/gen/department_types.h"

namespace jixiao::gen {

const std::vector<DepartmentType>& DepartmentTypes() {
  static const std::vector<DepartmentType>* const types = new std::vector<DepartmentType>{
      {"commerce", "商务局", {"commerce"}},
      {"finance", "财政局", {"finance"}},
      {"education", "教育局", {"education"}},
      {"health", "卫生健康局", {"health"}},
      {"civil-affairs", "民政局", {"social-welfare"}},
      {"human-resources", "人力资源和社会保障局", {"social-welfare", "employment"}},
      {"housing", "住房和城乡建设局", {"construction"}},
      {"transport", "交通运输局", {"transport"}},
      {"water", "水务局", {"water", "environment"}},
      {"agriculture", "农业农村局", {"agriculture"}},
      {"culture-tourism", "文化广电旅游体育局", {"culture", "tourism"}},
      {"market-regulation", "市场监督管理局", {"regulation"}},
      {"ecology", "生态环境分局", {"environment"}},
      {"emergency", "应急管理局", {"safety"}},
      {"science", "科技工业和信息化局", {"science", "industry"}},
      {"development-reform", "发展和改革局", {"planning"}},
      {"statistics", "统计局", {"statistics"}},
      {"audit", "审计局", {"audit"}},
      {"justice", "司法局", {"justice"}},
      {"veterans", "退役军人事务局", {"social-welfare"}},
      {"urban-management", "城市管理和综合执法局", {"urban-management"}},
      {"planning-resources", "规划和自然资源分局", {"planning", "land"}},
      {"forestry-gardens", "林业和园林局", {"environment"}},
      {"medical-security", "医疗保障局", {"health", "social-welfare"}},
      {"government-services", "政务服务数据管理局", {"government-services"}},
      {"ccpit", "贸促会", {"commerce", "trade-promotion"}},
      {"federation-commerce", "工商业联合会", {"commerce"}},
      {"womens-federation", "妇女联合会", {"social-welfare"}},
      {"youth-league", "共青团委员会", {"youth"}},
      {"disabled-federation", "残疾人联合会", {"social-welfare"}},
      {"archives", "档案馆", {"culture"}},
      {"investment-promotion", "投资促进局", {"commerce", "investment"}},
      {"housing-security", "住房保障中心", {"construction", "social-welfare"}},
      {"sports", "体育中心", {"culture"}},
      {"libraries", "图书馆", {"culture"}},
      {"disease-control", "疾病预防控制中心", {"health"}},
      {"social-work", "社会工作部", {"social-welfare"}},
      {"confidential", "机要保密局", {"administration"}},
      {"government-office", "政府办公室", {"administration"}},
      {"logistics", "机关事务管理局", {"administration"}},
  };
  return *types;
}

}  // namespace jixiao::gen
