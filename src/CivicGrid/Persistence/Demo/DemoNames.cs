namespace CivicGrid.Persistence.Demo;

/// <summary>Word lists for plausible, fictional Chinese names and addresses.</summary>
static class DemoNames
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
    ];

    public static readonly string[] MaleChars =
    [
        "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇",
        "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "建", "国", "志", "文", "海", "峰", "东", "庆", "德", "成",
    ];

    public static readonly string[] FemaleChars =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "桂", "英", "燕", "萍", "红", "梅", "琳", "雪", "慧", "婷",
        "倩", "颖", "洁", "佳", "晶", "欣", "悦", "月", "兰", "凤", "琴", "云", "莉", "淑", "雯", "璐", "瑶", "怡", "晓", "春",
    ];

    public static readonly string[] StreetNames =
    [
        "和平", "新华", "振兴", "齐盛", "明德", "稷下", "华光", "金山", "柳泉", "龙泉", "南定", "凤凰", "东风", "湖田", "双杨", "罗村",
        "城东", "城西", "城南", "城北", "南湖", "北岭", "西城", "东城", "马桥", "太河", "源泉", "峨庄", "洪山", "昆仑", "寨里",
    ];

    public static readonly string[] CommunityWords =
    [
        "花园", "幸福", "光明", "阳光", "丽景", "和谐", "文化", "新村", "桃园", "翠苑", "锦绣", "安居", "康乐", "青年", "长青", "怡馨",
        "御景", "书香", "民主", "建设", "朝阳", "春晖", "金桥", "银座", "泰和", "同心", "福康", "兴旺", "瑞祥", "嘉园", "清泉", "杏林",
    ];

    public static readonly string[] RoadWords =
    [
        "人民路", "共青团路", "柳泉路", "华光路", "西五路", "北京路", "联通路", "中润大道", "金晶大道", "昌国路", "新村路", "世纪路",
        "鲁泰大道", "张周路", "南京路", "杏园路", "商场街", "东一路", "东二路", "西六路",
    ];

    public static readonly (string Name, string Short)[] Departments =
    [
        ("区综合行政执法局", "城管"), ("区住房和城乡建设局", "住建"), ("区公安分局", "公安"), ("区市场监督管理局", "市场监管"),
        ("区生态环境分局", "环保"), ("区民政局", "民政"), ("区卫生健康局", "卫健"), ("区应急管理局", "应急"),
        ("区水务局", "水务"), ("区人力资源和社会保障局", "人社"),
    ];

    /// <summary>Utilities answer for their own matters in the catalog (供电, 通信); other enterprises have no case duty.</summary>
    public static string? DutyOf(string enterprise) =>
        enterprise.Contains("供电") ? "供电" : enterprise.Contains("移动") || enterprise.Contains("联通") ? "通信" : null;

    public static readonly string[] Enterprises =
    [
        "齐鲁石化", "金城医药", "新华制药", "鲁泰纺织", "华光陶瓷", "博汇纸业", "蓝帆医疗", "淄博银行", "国网供电公司", "中国移动",
        "中国联通", "市第一中学", "市中心医院", "万杰物流", "齐商银行", "山东理工大学", "淄博日报社", "区人民法院",
    ];

    public static readonly string[] Couriers = ["顺丰速运驿站", "中通快递驿站", "菜鸟驿站", "京东快递站", "美团骑手站点", "邮政揽投部"];

    public static readonly string[] PropertyCompanies =
    [
        "齐鲁物业服务有限公司", "安泰物业管理有限公司", "万家和物业有限公司", "金城物业服务有限公司", "红岭城市服务有限公司",
        "华润万象物业", "绿城物业服务", "康居物业管理有限公司", "恒兴物业", "宜居物业服务有限公司",
    ];
}
