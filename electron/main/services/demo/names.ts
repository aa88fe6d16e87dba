/**
 * Parallel English / Hindi name lists for demo office-bearers: common names across Jharkhand's
 * communities (Santhal, Munda, Oraon, Ho, Kurmi-Mahto, and the state's other castes).
 */
export type NamePair = readonly [en: string, hi: string];

export const MALE_FIRST: readonly NamePair[] = [
  ['Ramesh', 'रमेश'], ['Suresh', 'सुरेश'], ['Mahesh', 'महेश'], ['Rajesh', 'राजेश'], ['Dinesh', 'दिनेश'],
  ['Anil', 'अनिल'], ['Sunil', 'सुनील'], ['Manoj', 'मनोज'], ['Santosh', 'संतोष'], ['Vijay', 'विजय'],
  ['Ajay', 'अजय'], ['Sanjay', 'संजय'], ['Ravi', 'रवि'], ['Amit', 'अमित'], ['Pankaj', 'पंकज'],
  ['Rakesh', 'राकेश'], ['Mukesh', 'मुकेश'], ['Arvind', 'अरविंद'], ['Birsa', 'बिरसा'], ['Budhram', 'बुधराम'],
  ['Somra', 'सोमरा'], ['Mangal', 'मंगल'], ['Shibu', 'शिबू'], ['Jagdish', 'जगदीश'], ['Prakash', 'प्रकाश'],
  ['Deepak', 'दीपक'], ['Ashok', 'अशोक'], ['Naresh', 'नरेश'], ['Umesh', 'उमेश'], ['Sohan', 'सोहन'],
  ['Mohan', 'मोहन'], ['Lalit', 'ललित'], ['Vinod', 'विनोद'], ['Pradeep', 'प्रदीप'], ['Shankar', 'शंकर'],
  ['Bhola', 'भोला'], ['Karma', 'करमा'], ['Etwa', 'एतवा'], ['Budhu', 'बुधु'], ['Sukra', 'सुकरा'],
  ['Lakhan', 'लखन'], ['Jitendra', 'जितेंद्र'], ['Hemant', 'हेमंत'], ['Nirmal', 'निर्मल'], ['Sahdev', 'सहदेव'],
];

export const FEMALE_FIRST: readonly NamePair[] = [
  ['Sunita', 'सुनीता'], ['Anita', 'अनीता'], ['Savitri', 'सावित्री'], ['Kiran', 'किरण'], ['Rekha', 'रेखा'],
  ['Geeta', 'गीता'], ['Seema', 'सीमा'], ['Pushpa', 'पुष्पा'], ['Mamta', 'ममता'], ['Rita', 'रीता'],
  ['Sarita', 'सरिता'], ['Kavita', 'कविता'], ['Asha', 'आशा'], ['Usha', 'उषा'], ['Poonam', 'पूनम'],
  ['Sushila', 'सुशीला'], ['Lakshmi', 'लक्ष्मी'], ['Phulmani', 'फूलमनी'], ['Salo', 'सालो'], ['Jayanti', 'जयंती'],
  ['Basanti', 'बसंती'], ['Shanti', 'शांति'], ['Sumitra', 'सुमित्रा'], ['Pramila', 'प्रमिला'], ['Neelam', 'नीलम'],
  ['Priyanka', 'प्रियंका'], ['Manju', 'मंजू'], ['Suchitra', 'सुचित्रा'], ['Birsi', 'बिरसी'], ['Dulari', 'दुलारी'],
];

/** Surnames used for both men and women. */
export const SURNAMES: readonly NamePair[] = [
  ['Kumar', 'कुमार'], ['Singh', 'सिंह'], ['Yadav', 'यादव'], ['Mahto', 'महतो'], ['Mahato', 'महतो'],
  ['Munda', 'मुंडा'], ['Oraon', 'उरांव'], ['Soren', 'सोरेन'], ['Hembrom', 'हेम्ब्रम'], ['Tirkey', 'तिर्की'],
  ['Sahu', 'साहू'], ['Prasad', 'प्रसाद'], ['Gupta', 'गुप्ता'], ['Marandi', 'मरांडी'], ['Murmu', 'मुर्मू'],
  ['Hansda', 'हांसदा'], ['Tudu', 'टुडू'], ['Kisku', 'किस्कू'], ['Besra', 'बेसरा'], ['Lakra', 'लकड़ा'],
  ['Ekka', 'एक्का'], ['Kujur', 'कुजूर'], ['Minz', 'मिंज'], ['Toppo', 'टोप्पो'], ['Bhagat', 'भगत'],
  ['Paswan', 'पासवान'], ['Ram', 'राम'], ['Das', 'दास'], ['Mishra', 'मिश्रा'], ['Pandey', 'पांडेय'],
  ['Sharma', 'शर्मा'], ['Choudhary', 'चौधरी'], ['Thakur', 'ठाकुर'], ['Verma', 'वर्मा'], ['Rajak', 'रजक'],
  ['Manjhi', 'मांझी'], ['Gope', 'गोप'], ['Kachhap', 'कच्छप'], ['Purty', 'पूर्ति'], ['Sinku', 'सिंकु'],
];

/** Many women in the rolls carry Devi or Kumari instead of a family name. */
export const FEMALE_SURNAMES: readonly NamePair[] = [['Devi', 'देवी'], ['Kumari', 'कुमारी']];

/** Polling stations sit mostly in schools and panchayat buildings. */
export const BOOTH_PLACES: readonly NamePair[] = [
  ['Government Primary School', 'राजकीय प्राथमिक विद्यालय'],
  ['Government Middle School', 'राजकीय मध्य विद्यालय'],
  ['Upgraded Middle School', 'उत्क्रमित मध्य विद्यालय'],
  ['Panchayat Bhawan', 'पंचायत भवन'],
  ['Anganwadi Centre', 'आंगनबाड़ी केंद्र'],
  ['High School', 'उच्च विद्यालय'],
  ['Community Hall', 'सामुदायिक भवन'],
];
